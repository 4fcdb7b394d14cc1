namespace Avrr.Analytics.Runs.Stages;

/// <summary>The profile number of each row of a batch (-1 for none), prepared by <see cref="ProfileStage"/>'s worker step.</summary>
public sealed class ProfileColumn
{
    public sbyte[] Profiles { get; private set; } = [];

    internal void Resize(int capacity)
    {
        if (Profiles.Length < capacity) Profiles = new sbyte[capacity];
    }
}
