namespace Avrr.Analytics.Inference;

/// <summary>
/// How one test of a family was decided (<see cref="TestFamilies.Decide"/>): its p-value, its family and the number
/// of tests the family made, the adjusted p-value, and whether it is significant (adjusted p-value below the level).
/// A test that could not be made (no standard error, withheld) has NaN p-values and no decision (null), and does not
/// count in its family's size.
/// </summary>
public readonly record struct FamilyDecision(double PValue, string Family, int FamilySize, double PAdjusted, bool? Significant)
{
    /// <summary>No test (a withheld or one-PSU difference) of a family that made <paramref name="familySize"/> tests.</summary>
    public static FamilyDecision None(string family, int familySize) => new(double.NaN, family, familySize, double.NaN, null);
}
