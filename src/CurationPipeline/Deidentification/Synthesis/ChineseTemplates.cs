namespace CurationPipeline.Deidentification;

/// <summary>The kinds of clinical document the Chinese synthetic notes are written as.</summary>
public enum ClinicalDocumentType
{
    /// <summary>入院记录.</summary>
    AdmissionNote,

    /// <summary>病程记录.</summary>
    ProgressNote,

    /// <summary>出院记录 / 出院小结.</summary>
    DischargeSummary,

    /// <summary>门诊病历.</summary>
    OutpatientRecord,

    /// <summary>护理记录.</summary>
    NursingRecord,

    /// <summary>影像或检验报告.</summary>
    ExaminationReport,

    /// <summary>会诊单或转诊单.</summary>
    ReferralLetter,

    /// <summary>医患对话.</summary>
    Dialogue,
}

/// <summary>
/// The Chinese documents of the synthetic notes, per document type: the first part opens every note of the type,
/// the others are sections of which each note takes some, in order. Two sets: Development (what the
/// recognisers are tuned on) and <see cref="HeldOut"/> (only measured). Slots: {P} patient name, {PS} patient
/// surname, {DR} a clinician of the note, {DRS} a clinician's surname, {NU} a nurse, {REL} a relative of the
/// patient, {ID} resident ID (some written with spaces), {MOB} mobile, {TEL} landline, {DATE}, {ADDR} full
/// address, {GEO} a place below the province (county, district, street, village, building), {ZIP}, {OLD} an age
/// over 89 with 岁, {AGE} an age up to 89 (not personal data), {REC} record number, {BED} bed number, {INS}
/// insurance or social security number, {STAFF} staff number, {WX} WeChat id, {QQ} QQ number, {BANK} bank card
/// number, {PLATE} licence plate, {HOSP} hospital name, {ORG} employer, {EMAIL}.
/// </summary>
internal static partial class ChineseTemplates
{
}
