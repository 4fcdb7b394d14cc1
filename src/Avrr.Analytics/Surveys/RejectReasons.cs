namespace Avrr.Analytics.Surveys;

public static class RejectReasons
{
    public static string Name(this RejectReason reason) => reason switch
    {
        RejectReason.MissingValue => "missing_value",
        RejectReason.InvalidDate => "invalid_date",
        RejectReason.InvalidAnswer => "invalid_answer",
        RejectReason.InvalidWeight => "invalid_weight",
        RejectReason.DuplicateSurvey => "duplicate_survey",
        RejectReason.FieldCount => "field_count",
        RejectReason.MalformedRow => "malformed_row",
        RejectReason.MissingDesignValue => "missing_design_value",
        RejectReason.NulByte => "nul_byte",
        RejectReason.KeyTooLong => "key_too_long",
        RejectReason.FieldTooLong => "field_too_long",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
