namespace Avrr.Analytics.Collections;

/// <summary>A key stored in an <see cref="OpenTable{TKey, TValue}"/>: it hashes as its probes do, and is its own probe.</summary>
public interface ITableKey<TKey> : ITableProbe<TKey> where TKey : struct, ITableKey<TKey>;
