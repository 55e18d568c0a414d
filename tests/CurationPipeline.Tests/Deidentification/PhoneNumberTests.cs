using CurationPipeline.Deidentification;

namespace CurationPipeline.Tests.Deidentification;

/// <summary>
/// Phone numbers in the formats of many countries, found by their shape or a cue; and the numbers of clinical text
/// (dates, values with units, ranges, codes) that must not be taken for phones.
/// </summary>
public sealed class PhoneNumberTests
{
    private static readonly Deidentifier Deid = new(new DeidOptions());

    private static List<string> Phones(string text) =>
        [.. Deid.Detect(text).Where(s => s.Category == PhiCategory.Phone).Select(s => text.Substring(s.Start, s.Length))];

    [Theory]
    [InlineData("Call me at +33 168309795 tomorrow.", "+33 168309795")]
    [InlineData("Tel. +(370) 45772277 (mobile)", "+(370) 45772277")]
    [InlineData("+61.493.414.073", "+61.493.414.073")]
    [InlineData("You can reach her on (19)/173-5361 or by e-mail.", "(19)/173-5361")]
    [InlineData("Anna Kovács\n06-59/641 4713\nBudapest", "06-59/641 4713")]
    [InlineData("Rufnummer (07253) 4357727 bitte", "(07253) 4357727")]
    [InlineData("Her line is +49-0325-99460366.", "+49-0325-99460366")]
    [InlineData("Звоните (968)309-79-50 вечером", "(968)309-79-50")]
    [InlineData("The clinic: 0504 9950174, weekdays", "0504 9950174")]
    [InlineData("Ring 0476499501 after six.", "0476499501")]
    [InlineData("Fixo (13) 7253-4357 no escritório", "(13) 7253-4357")]
    [InlineData("Tel. (+995) 525-343-577 (mobile)", "(+995) 525-343-577")]
    [InlineData("Call me at (+62) 868 309 795 tomorrow.", "(+62) 868 309 795")]
    [InlineData("Fax: +41 (0)62 585 51 90", "+41 (0)62 585 51 90")]
    [InlineData("Phone: 0452/013 003", "0452/013 003")]
    [InlineData("Tel. 276 499-5017, poste 442 (bureau)", "276 499-5017, poste 442")]
    [InlineData("Call (555) 123-4567 x12 for results.", "(555) 123-4567 x12")]
    [InlineData("Office 1-800-555-0199 ext. 4410", "1-800-555-0199 ext. 4410")]
    [InlineData("reach her on 683 09 795 or by e-mail", "683 09 795")]
    [InlineData("His number is 76499501.", "76499501")]
    [InlineData("Desk: 5403926876", "5403926876")]
    [InlineData("Call me at 598 171 tomorrow.", "598 171")]
    [InlineData("Pager 28-64-66-98 overnight", "28-64-66-98")]
    [InlineData("contact: 968.309.7950", "968.309.7950")]
    [InlineData("Kim Lee\nNurse\n31 64 83 57\nWard 4", "31 64 83 57")]
    [InlineData("联系电话：0571-88234567", "0571-88234567")]
    [InlineData("Name: Kamila Červinková\nPhone: 451 5986", "451 5986")]
    [InlineData("I would like to stop receiving messages to 374 780 163", "374 780 163")]
    [InlineData("Her son texted 211 8 578 last night.", "211 8 578")]
    [InlineData("She is reachable at 9469 9966 after five.", "9469 9966")]
    [InlineData("Budapest\nHungary 34796\n59/465-2676-Office", "59/465-2676")]
    [InlineData("Pietersburg\nSouth Africa 89082\n774 792-Office", "774 792")]
    [InlineData("Personal Info:\nPhone:\n774 792\n\nE-mail:", "774 792")]
    [InlineData("Direct line: 374 780 163", "374 780 163")]
    [InlineData("Home (preferred): 374 780 163", "374 780 163")]
    public void Finds_phone_numbers_of_many_countries(string text, string phone) =>
        Assert.Contains(phone, Phones(text));

    [Fact]
    public void A_number_listed_after_a_phone_is_a_phone_too()
    {
        Assert.Equal(["555 1234", "555 9876"], Phones("Tel: 555 1234 or 555 9876 evenings"));
    }

    [Fact]
    public void A_phone_after_a_date_in_one_run_of_digits_is_found()
    {
        const string Text = "Seen 2019-03-04 0476499501 called back";
        Assert.Equal(["0476499501"], Phones(Text));
        Assert.Contains(Deid.Detect(Text), s => s.Category == PhiCategory.Date && Text.Substring(s.Start, s.Length) == "2019-03-04");
    }

    [Theory]
    [InlineData("Admitted 12.03.2019 with chest pain.")]
    [InlineData("Admitted 2019-03-12, discharged 2019-03-20.")]
    [InlineData("Smoked from 1990-2015, 20 per day.")]
    [InlineData("Seen 04 12 2021 in clinic.")]
    [InlineData("Server 192.168.10.12 was down.")]
    [InlineData("Mail to Boston MA 02134-1234.")]
    [InlineData("BP 120/80 mmHg, ratio 1234/5678 recorded")]
    [InlineData("Platelets 1 250 000 per microlitre, then 1 200 000.")]
    [InlineData("Dose 1000000 IU of vitamin D.")]
    [InlineData("Viral load 12345678 copies/mL.")]
    [InlineData("The bill was $12 345 678 in total.")]
    [InlineData("Enrolled in NCT01234567 in March.")]
    [InlineData("Seen 10:00-12:00 and 14:30-16:00.")]
    [InlineData("ICD-10 I21.4 and I10 coded.")]
    [InlineData("pi is 3.14159265 roughly")]
    [InlineData("Counts 12 14 16 18 20 across visits")]
    [InlineData("Cited as Lancet (2019) 393 1234-1245.")]
    [InlineData("治疗费用共计12345678元。")]
    [InlineData("血小板 250000000 个")]
    [InlineData("患者于2020-03就诊于某医学检查中心。")]
    [InlineData("年发病率更高，每100 000男性中2058例。")]
    [InlineData("See the text 2123456 on page 4.")]
    [InlineData("Seen 03/2019 home visit, stable.")]
    [InlineData("Labs 12/2019 work-up pending.")]
    [InlineData("Seen 03-2019 home visit, stable.")]
    [InlineData("Weight:\n72 500 g at birth")]
    [InlineData("Home glucose 145 162 178 this week.")]
    [InlineData("Glucose numbers 145 162 178 over the week.")]
    [InlineData("Office BP 142 138 151, repeat in a month")]
    [InlineData("BP 142 138 151 home readings")]
    [InlineData("Direct bilirubin 12 15 18 over three days")]
    [InlineData("No. of episodes 12 14 16 per month")]
    [InlineData("Cell count 12 14 16 in the fluid")]
    [InlineData("Troponin 0.04 0.12 0.35 over 6 hours")]
    [InlineData("Lot number 4521873 of the vaccine")]
    [InlineData("NDC 0071-0155-23 dispensed")]
    [InlineData("Cited from ISBN 978 0 19 852663 6.")]
    public void Leaves_clinical_numbers_alone(string text) =>
        Assert.Empty(Phones(text));
}
