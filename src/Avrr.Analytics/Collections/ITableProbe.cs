namespace Avrr.Analytics.Collections;

/// <summary>
/// What an <see cref="OpenTable{TKey, TValue}"/> is searched with: the hash of the key sought and whether a
/// stored key is it. A stored key is its own probe (<see cref="ITableKey{TKey}"/>); a probe may also be a
/// <c>ref struct</c> over bytes that are not stored yet (the UTF-8 text of an answer, say), so that a lookup
/// makes nothing.
/// </summary>
public interface ITableProbe<TKey> where TKey : struct
{
    /// <summary>64 well-mixed bits: the table picks a slot by the top bits (Fibonacci hashing).</summary>
    ulong Hash { get; }

    bool Matches(in TKey stored);
}
