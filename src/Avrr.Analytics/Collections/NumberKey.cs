namespace Avrr.Analytics.Collections;

/// <summary>A 64-bit number as an <see cref="OpenTable{TKey, TValue}"/> key (the bits of a double, a long, an id).</summary>
public readonly record struct NumberKey(long Value) : ITableKey<NumberKey>
{
    /// <summary>Fibonacci hashing: every bit of the number reaches the top bits the table looks at.</summary>
    public ulong Hash => (ulong)Value * 0x9E3779B97F4A7C15UL;

    public bool Matches(in NumberKey stored) => stored.Value == Value;
}
