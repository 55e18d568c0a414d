using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>
/// Personal data in general (non-clinical) English text: names with no cue, international street formats,
/// spoken phone numbers; and clinical words that look like names but must stay.
/// </summary>
public sealed class GeneralTextDetectionTests
{
    private static readonly Deidentifier Deid = new(new DeidOptions());

    private static List<(PhiCategory Category, string Value)> Found(string text) =>
        [.. Deid.Detect(text).Select(s => (s.Category, text.Substring(s.Start, s.Length)))];

    [Theory]
    [InlineData("Ingrid Halvorsen will chair the meeting.", PhiCategory.Name, "Ingrid Halvorsen")]
    [InlineData("Why is Kevin so quiet?", PhiCategory.Name, "Kevin")]
    [InlineData("Rafael and Szymański were partners.", PhiCategory.Name, "Szymański")]
    [InlineData("Rafael and Szymański were partners.", PhiCategory.Name, "Rafael")]
    [InlineData("My name is Tuulikki", PhiCategory.Name, "Tuulikki")]
    [InlineData("She called me Bożena.", PhiCategory.Name, "Bożena")]
    [InlineData("This is Oleg's car.", PhiCategory.Name, "Oleg")]
    [InlineData("Erzsébet Kovácsné sent the form.", PhiCategory.Name, "Erzsébet Kovácsné")]
    [InlineData("Seen by Dr. Romberg today.", PhiCategory.Name, "Romberg")]
    [InlineData("Mr. Smith's disease progressed.", PhiCategory.Name, "Smith")]
    [InlineData("Anna Kowalski's arthritis flared.", PhiCategory.Name, "Anna Kowalski")]
    [InlineData("She moved to 4412 Mannerheimintie 12, Helsinki.", PhiCategory.Address, "4412 Mannerheimintie 12, Helsinki")]
    [InlineData("The shop is on Rua das Flores 221, Lisboa.", PhiCategory.Address, "Rua das Flores 221, Lisboa")]
    [InlineData("Send it to Kossuth Lajos utca 12. today", PhiCategory.Address, "Kossuth Lajos utca 12.")]
    [InlineData("Ship it to PSC 4410, Box 2231 APO AE 09021.", PhiCategory.Address, "PSC 4410, Box 2231 APO AE 09021")]
    [InlineData("Anna Berg\n\n17 Havnegade 4\n Apt. 12\n Aarhus\n\n Denmark 8000", PhiCategory.Address, "17 Havnegade 4\n Apt. 12\n Aarhus\n\n Denmark")]
    [InlineData("Anna Berg\n\n17 Havnegade 4\n Apt. 12\n Aarhus\n\n Denmark 8000", PhiCategory.PostalCode, "8000")]
    [InlineData("Willemine ten Pas will be talking in the conference", PhiCategory.Name, "Willemine ten Pas")]
    [InlineData("Scott had given Belle his address.", PhiCategory.Name, "Belle")]
    [InlineData("(though Mccullough's song was about a boat)", PhiCategory.Name, "Mccullough")]
    [InlineData("Address: Zur alten Fabrik 41c", PhiCategory.Address, "Zur alten Fabrik 41c")]
    [InlineData("She moved to Franz-Kail-Str. 17 last year.", PhiCategory.Address, "Franz-Kail-Str. 17")]
    [InlineData("Send it to Lado Cedro, 7 Puerta 284.", PhiCategory.Address, "Lado Cedro, 7 Puerta 284")]
    [InlineData("Postal code: 0154", PhiCategory.PostalCode, "0154")]
    [InlineData("my zip code is 4410", PhiCategory.PostalCode, "4410")]
    [InlineData("Please call me on 612 3387 tomorrow.", PhiCategory.Phone, "612 3387")]
    [InlineData("Numbers: 0891 234 567-Fax", PhiCategory.Phone, "0891 234 567")]
    [InlineData("Numbers: (41) 623-0917-Office", PhiCategory.Phone, "(41) 623-0917")]
    [InlineData("reach me at +358401234567 please", PhiCategory.Phone, "+358401234567")]
    [InlineData("She is CEO of Brightwater Analytics, based in Oslo.", PhiCategory.Organization, "Brightwater Analytics")]
    [InlineData("复诊：林海涛诉头痛减轻。", PhiCategory.Name, "林海涛")]
    [InlineData("Well, my name is zofia wiśniewska, call me zofia.", PhiCategory.Name, "zofia wiśniewska")]
    [InlineData("Mehrudin shouted at the driver.", PhiCategory.Name, "Mehrudin")]
    [InlineData("I'm Okonkwo's daughter.", PhiCategory.Name, "Okonkwo")]
    [InlineData("Zubeyda: Where were you?\nOksana: At home.", PhiCategory.Name, "Zubeyda")]
    [InlineData("Remember me, Tavita?", PhiCategory.Name, "Tavita")]
    [InlineData("Kwabena, can you help me?", PhiCategory.Name, "Kwabena")]
    [InlineData("Producer Ottilie Vanderkamp explained the plan.", PhiCategory.Name, "Ottilie Vanderkamp")]
    [InlineData("We met Ikenna Obiora yesterday.", PhiCategory.Name, "Ikenna Obiora")]
    [InlineData("Morrison, Rogers and Torres founded it.", PhiCategory.Name, "Rogers")]
    [InlineData("her maiden name is nyberg", PhiCategory.Name, "nyberg")]
    [InlineData("follow up with patricia desrosiers next week.", PhiCategory.Name, "patricia desrosiers")]
    [InlineData("i'm okonkwo's son.", PhiCategory.Name, "okonkwo")]
    [InlineData("they had 3: olga, pamela and brian.", PhiCategory.Name, "pamela")]
    [InlineData("PT SEEN BY DR KOWALSKI TODAY.", PhiCategory.Name, "KOWALSKI")]
    [InlineData("PT SEEN BY DR KIM TODAY.", PhiCategory.Name, "KIM")]
    [InlineData("anna berg\nunit 1009 box 0219\ndpo ap 51065", PhiCategory.Address, "unit 1009 box 0219\ndpo ap")]
    [InlineData("anna berg\nunit 1009 box 0219\ndpo ap 51065", PhiCategory.PostalCode, "51065")]
    [InlineData("anna berg\nunit 1009 box 0219\ndpo ap 51065", PhiCategory.Name, "anna berg")]
    [InlineData("The old shop on Elmsworth Lane has closed.", PhiCategory.Address, "Elmsworth Lane")]
    [InlineData("She lives in Acquapendente 01021 now.", PhiCategory.PostalCode, "01021")]
    [InlineData("Send it to 770 26 rue des Lilas, Lyon.", PhiCategory.Address, "770 26 rue des Lilas, Lyon")]
    [InlineData(">Hanna Lindqvist\n>Tallwood Kettle\n>12 Storgatan 4\n>Uppsala", PhiCategory.Organization, "Tallwood Kettle")]
    [InlineData("She lives at Strada Mihai Eminescu, Bloc 12, Ap. 34 now.", PhiCategory.Address, "Strada Mihai Eminescu, Bloc 12, Ap. 34")]
    [InlineData("Adres: ul. Marszałkowska 12/5, Warszawa", PhiCategory.Address, "ul. Marszałkowska 12/5, Warszawa")]
    [InlineData("He moved to Brīvības iela 27 dz. 4, Rīga.", PhiCategory.Address, "Brīvības iela 27 dz. 4, Rīga")]
    [InlineData("Send it to Anderssons Väg 14 please.", PhiCategory.Address, "Anderssons Väg 14")]
    [InlineData("The clinic is at Bajada Fernando Javier 208.", PhiCategory.Address, "Bajada Fernando Javier 208")]
    [InlineData("Our office: Goethestr. 41, Berlin", PhiCategory.Address, "Goethestr. 41, Berlin")]
    [InlineData("Mailed to Jl. Merdeka no 17, Bandung.", PhiCategory.Address, "Jl. Merdeka no 17, Bandung")]
    [InlineData("Tolulope seems very anxious about the results.", PhiCategory.Name, "Tolulope")]
    [InlineData("Why is Ingeborga so impulsive?", PhiCategory.Name, "Ingeborga")]
    [InlineData("present at the meeting: ngozi, adaeze, mary and john.", PhiCategory.Name, "adaeze")]
    [InlineData("Adresa: Bajzova 81, Bratislava", PhiCategory.Address, "Bajzova 81, Bratislava")]
    [InlineData("Bydlí Na Viktorce 914.", PhiCategory.Address, "Na Viktorce 914")]
    [InlineData("Dulovo námestie 8", PhiCategory.Address, "Dulovo námestie 8")]
    [InlineData("Lađarska 3 Kat 8", PhiCategory.Address, "Lađarska 3 Kat 8")]
    [InlineData("53 Passage d'Abbeville", PhiCategory.Address, "53 Passage d'Abbeville")]
    [InlineData("4 Place de la Victoire Apt. 450", PhiCategory.Address, "4 Place de la Victoire Apt. 450")]
    [InlineData("Eikekroken 2 Leil. 092", PhiCategory.Address, "Eikekroken 2 Leil. 092")]
    [InlineData("Address: Dürnrohrer Straße 81", PhiCategory.Address, "Dürnrohrer Straße 81")]
    [InlineData("Mevlana Sokak 79 Apt. 4", PhiCategory.Address, "Mevlana Sokak 79 Apt. 4")]
    [InlineData("Sūnu iela 15 - 774", PhiCategory.Address, "Sūnu iela 15 - 774")]
    [InlineData("Beekpark 721 3e verdieping", PhiCategory.Address, "Beekpark 721 3e verdieping")]
    [InlineData("Jr. Frami no 21", PhiCategory.Address, "Jr. Frami no 21")]
    [InlineData("Buranji is a very sympathetic person.", PhiCategory.Name, "Buranji")]
    [InlineData("Kobela and Gavenda were precision engineers.", PhiCategory.Name, "Gavenda")]
    [InlineData("My name is Hermanutz but everyone calls me Dabnjak", PhiCategory.Name, "Dabnjak")]
    [InlineData("(though Sabljo's song was about a boat)", PhiCategory.Name, "Sabljo")]
    [InlineData("Unlike the Roeterdinck novel, it is short.", PhiCategory.Name, "Roeterdinck")]
    [InlineData("This song by ex-Zombie Kivimaki is a classic.", PhiCategory.Name, "Kivimaki")]
    [InlineData("Then Ivanka shouted at Pavor: what now?", PhiCategory.Name, "Pavor")]
    [InlineData("they had 4: bravić, mauhar, bertolan and šarkez.", PhiCategory.Name, "mauhar")]
    [InlineData("The film was directed by Kolutac.", PhiCategory.Name, "Kolutac")]
    [InlineData("a comedy starring Hatwagner", PhiCategory.Name, "Hatwagner")]
    [InlineData("Dravec had given Vadnjak his address.", PhiCategory.Name, "Vadnjak")]
    [InlineData("She named him Mihnjak.", PhiCategory.Name, "Mihnjak")]
    [InlineData("I'm so jealous! said Rini to Antaruk", PhiCategory.Name, "Antaruk")]
    [InlineData("As promised, here's Klauz's address:", PhiCategory.Name, "Klauz")]
    [InlineData("You can tell Nago was a huge Hager Bertalanic fan.", PhiCategory.Name, "Nago")]
    [InlineData("Our 3 founders: Radeljak, Bakija and Nera.", PhiCategory.Name, "Bakija")]
    public void Finds_personal_data_in_general_text(string text, PhiCategory category, string value) =>
        Assert.Contains((category, value), Found(text));

    [Theory]
    [InlineData("Will follow up with cardiology in 2 weeks.")]
    [InlineData("Allegra 180 mg daily for allergies.")]
    [InlineData("Mark the site before surgery.")]
    [InlineData("Nausea and Vomiting resolved.")]
    [InlineData("Grace period ends soon; Faith and Hope were discussed.")]
    [InlineData("Lasix and Coreg were held.")]
    [InlineData("Follow up in Spring 2 weeks after discharge.")]
    [InlineData("谢谢医生的建议。")]
    [InlineData("如有不适及时咨询医生。")]
    [InlineData("患者于餐后突发胸痛。")]
    [InlineData("患者诉头痛，自述服药后缓解。")]
    [InlineData("CT血管成像是首选检查，Stanford A型需紧急手术。")]
    [InlineData("主诉：易疲乏、食欲减退10天，应如何处理？")]
    [InlineData("Advair Diskus 250/50 one puff twice daily.")]
    [InlineData("Mother said the pain started yesterday.")]
    [InlineData("Nobody said anything about it.")]
    [InlineData("Metformin and Lipitor were continued.")]
    [InlineData("Patient: I have chest pain.\nDoctor: Since when?")]
    [InlineData("Call me when you're ready.")]
    [InlineData("Enrolled in Cohort 1021 of the trial.")]
    [InlineData("PATIENT DENIES CHEST PAIN. BP 120/80. WILL MARK THE SITE.")]
    [InlineData("pt seen in clinic, will mark the site, follow up in 2 weeks.")]
    [InlineData("ANA POSITIVE, ESR 40. AMY LEVEL NORMAL.")]
    [InlineData("Costa Rica and Sri Lanka were on the travel history.")]
    [InlineData("Type 2 von Willebrand disease was confirmed.")]
    [InlineData("She was given Zofran for nausea and Tylenol her way.")]
    [InlineData("Patient was given Heparin his usual dose.")]
    [InlineData("The Sector Manager will call.")]
    [InlineData("We reviewed the Passage Report with the team.")]
    [InlineData("Results et al. Smith cohort were similar.")]
    [InlineData("Ortho is happy with the alignment.")]
    [InlineData("Sertraline is well tolerated and she is less anxious.")]
    [InlineData("nausea, vomiting, fever and chills resolved.")]
    [InlineData("aspirin, metformin, lisinopril and atorvastatin were continued.")]
    [InlineData("themes of the talk: hope, grace, faith and joy.")]
    [InlineData("Na 140, K 4.2, Cl 101.")]
    [InlineData("Lasix and Zofran were given to the patient.")]
    [InlineData("Zofran and Reglan are antiemetics.")]
    [InlineData("Keppra and Depakote were stopped; Vimpat is a newer agent.")]
    [InlineData("Ondansetron was given to the woman.")]
    [InlineData("Patient was given Zofran her usual dose.")]
    [InlineData("Zofran had given him some relief.")]
    [InlineData("ECG: PR 160 ms, QRS 98 ms, QTc 452 ms.")]
    [InlineData("Meds: metoprolol 25 mg daily.")]
    [InlineData("Neuro: GCS 15, Babinski negative.")]
    [InlineData("Doppler: no DVT in either leg.")]
    [InlineData("Karnofsky 70, ECOG 1.")]
    [InlineData("Mother has Hashimoto's thyroiditis.")]
    [InlineData("Takayasu arteritis was diagnosed.")]
    public void Leaves_general_and_clinical_words_alone(string text) =>
        Assert.Empty(Found(text));

    [Fact]
    public void A_surname_with_a_number_after_a_given_name_is_no_street()
    {
        var found = Found("Jana Nováková 45 was admitted; Petrova 45 years old.");
        Assert.Contains((PhiCategory.Name, "Jana Nováková"), found);
        Assert.DoesNotContain(found, f => f.Category == PhiCategory.Address);
    }

    [Fact]
    public void A_cued_name_does_not_make_a_department_a_name()
    {
        var found = Found("Dr. Chen and Radiology reviewed the films.");
        Assert.Contains((PhiCategory.Name, "Chen"), found);
        Assert.DoesNotContain((PhiCategory.Name, "Radiology"), found);
    }

    [Fact]
    public void A_clinical_note_keeps_its_numbers_eponyms_and_headings()
    {
        // Only the two doctors, the bed number and the employer are personal data here.
        const string Note = """
        Assessment: 67 yo M with HFrEF (EF 25%), CKD stage 3b, admitted for ADHF.
        Plan: furosemide 40 mg IV BID, daily weights, strict I/O, K > 4.0, Mg > 2.0.
        Labs: Na 134, K 3.6, Cr 1.8 (baseline 1.5), BNP 1250, troponin 0.03.
        CXR: bilateral pleural effusions, cephalization. Echo 2023: LVEF 25-30%.
        Meds: metoprolol succinate 25 mg daily, sacubitril/valsartan 24/26 mg BID, spironolactone 12.5 mg.
        Allergies: penicillin (rash), sulfa.
        Social: lives with wife, former smoker 30 pack-years, quit 2010.
        Neuro: GCS 15, CN II-XII intact, strength 5/5 throughout, Babinski negative.
        Abdomen: soft, Murphy sign negative, no McBurney point tenderness.
        Patient seen with Dr. Alvarez from Cardiology; discussed with Renal.
        Follow up in Heart Failure Clinic in 1-2 weeks, repeat BMP in 3 days.
        Wells score 2, PERC negative, D-dimer 0.45.
        Started Eliquis 5 mg BID; Coumadin held. Insulin glargine 20 units qHS.
        Vancomycin trough 15.2, goal 15-20. Zosyn 4.5 g q6h.
        HbA1c 8.4% (was 7.9% in March). LDL 132.
        Blood cultures x2 pending, urine culture >100,000 CFU E. coli.
        CT head: no acute intracranial process. MRI L-spine: L4-L5 disc protrusion.
        Pain 6/10, improved to 3/10 with Tylenol 1 g q8h.
        Hospital course complicated by AKI, resolved with IV fluids (LR 1 L bolus).
        Discharged to SNF on hospital day 5.
        PT/OT recommend home with services; Case Management following.
        Pulmonary function: FEV1 1.2 L (45% predicted), FEV1/FVC 0.58.
        Foley removed POD 2; tolerating regular diet. JP drain output 30 mL.
        Colonoscopy 2019 with 2 tubular adenomas; repeat in 3 years.
        Glasgow Coma Scale 14 on arrival, Apgar 8 and 9.
        Hepatitis B surface antigen negative, HIV 1/2 Ab negative.
        Bed 12, Ward 4B, Room 3021.
        Mother has Hashimoto thyroiditis; father had Parkinson disease.
        BP 128/76, HR 84, RR 18, T 37.1 C, SpO2 97% RA, weight 82.4 kg, BMI 27.5.
        ANA 1:160 speckled, RF 24, anti-CCP 85.
        Ferritin 12, iron sat 8%, TIBC 450; started ferrous sulfate 325 mg daily.
        Plan discussed with patient and daughter at bedside, all questions answered.
        Seen and examined with the team, agree with plan as outlined by Dr. Patel.
        Doppler: no DVT in bilateral lower extremities.
        Received Moderna booster, Lot 045C21A, left deltoid.
        Tdap 2018, Shingrix series completed, Prevnar 20 given today.
        EKG: sinus rhythm 72 bpm, PR 168 ms, QRS 102 ms, QTc 448 ms, no ST changes.
        Hb 7.2 -> transfused 1 unit PRBC -> Hb 8.1.
        INR 3.4 on warfarin 5 mg, hold tonight, recheck in AM.
        Creatinine trend: 1.2, 1.6, 2.1, 1.8, 1.4.
        Glucose log: 210 185 240 198 175 mg/dL fasting.
        Weights: 84.1 83.2 82.4 kg over three days.
        Apple Watch showed irregular rhythm; Holter ordered.
        Patient works at Walmart as a cashier; drinks 2 beers on weekends.
        Referred to Johns Hopkins for second opinion.
        Uses CPAP 12 cm H2O nightly; AHI 32 on PSG.
        Tumor board: T2N1M0, stage IIB; plan neoadjuvant FOLFIRINOX x 4 cycles.
        Karnofsky 70, ECOG 1.
        """;
        var found = Found(Note);
        Assert.Equal(
            [(PhiCategory.Name, "Alvarez"), (PhiCategory.RecordNumber, "12"), (PhiCategory.Name, "Patel"), (PhiCategory.Organization, "Walmart")],
            found);
    }
}
