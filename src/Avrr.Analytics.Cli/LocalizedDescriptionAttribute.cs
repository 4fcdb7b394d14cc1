using System.ComponentModel;

namespace Avrr.Analytics.Cli;

/// <summary>A flag's description, in English here and in <see cref="HelpText.Language"/> when printed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
internal sealed class LocalizedDescriptionAttribute(string english) : DescriptionAttribute(english)
{
    public override string Description => HelpText.For(DescriptionValue);

    /// <summary>The description as written where the flag is declared.</summary>
    public string English => DescriptionValue;
}
