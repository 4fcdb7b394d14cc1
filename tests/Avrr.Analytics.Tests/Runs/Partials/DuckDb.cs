using DuckDB.NET.Data;

namespace Avrr.Analytics.Tests.Runs.Partials;

/// <summary>A small DuckDB database for one test (one thread: test classes run in parallel on two cores).</summary>
internal sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:;threads=1;memory_limit=512MB");

    public DuckDb() => _connection.Open();

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The rows of a query, each cell as DuckDB gives it (DBNull as null).</summary>
    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public T Scalar<T>(string sql) => (T)Convert.ChangeType(Rows(sql).Single()[0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    public void Dispose() => _connection.Dispose();
}
