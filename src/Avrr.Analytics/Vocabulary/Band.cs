namespace Avrr.Analytics.Vocabulary;

/// <summary>A score band. A score s is low when s &lt; medium cut, high when s ≥ high cut, medium otherwise.</summary>
public enum Band : byte
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
