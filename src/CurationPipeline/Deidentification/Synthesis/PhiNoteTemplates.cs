namespace CurationPipeline.Deidentification;

/// <summary>
/// Sentence templates of the English synthetic notes (the Chinese notes are documents: <see cref="ChineseTemplates"/>).
/// Slots: {P} patient name, {PS} patient surname, {DR} clinician,
/// {REL} relative, {ID}, {SSN}, {MOB}, {TEL}, {DATE}, {ADDR}, {ZIP}, {OLD} age over 89, {REC} record number,
/// {ORG}, {EMAIL}, {URL}, {IP}; {AGE}, {LAB} and plain text are not personal data.
/// </summary>
internal static class PhiNoteTemplates
{
    public static readonly string[] EnDevelopment =
    [
        "Name: {P}\nDOB: {DATE}\nMRN: {REC}\nPhone: {PHONE}\nSSN: {SSN}\n",
        "Patient {P} is a {OLD} years old woman admitted on {DATE} with shortness of breath. BP 150/90, ratio 3/5.",
        "She lives at {ADDR} {ZIP} with her daughter {REL}.",
        "Attending: Dr. {DRL}. Seen by {DR} on {DATE}. Parkinson disease and Murphy sign noted.",
        "Works at {ORG} as an accountant. Email {EMAIL}.",
        "Discharged on {DATE}; follow-up in clinic on {DATE}. Medical Record Number: {REC}.",
        "{P}, a {AGE} year old man with a history of Crohn's disease, presented on {DATE}. Contact number {PHONE}.",
        "Portal login from {IP} via {URL} was recorded.",
    ];

    public static readonly string[] EnHeldOut =
    [
        "PATIENT: {P}    Record No. {REC}    Tel: {PHONE}\n",
        "This {OLD}-year-old gentleman was brought in by his son {REL} on {DATE}.",
        "Home address: {ADDR} {ZIP}. Employer: {ORG}.",
        "Procedure performed on {DATE} by Dr. {DRL}; Glasgow Coma Scale 15, Apgar not applicable.",
        "Mr. {PL} was reviewed again on {DATE}. Insurance ID: {REC}. Email: {EMAIL}",
        "Labs drawn {DATE}: sodium 138, potassium 4.1, creatinine 1.2; E/A ratio 3/5.",
    ];
}
