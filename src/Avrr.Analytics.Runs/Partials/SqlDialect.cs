namespace Avrr.Analytics.Runs.Partials;

/// <summary>The SQL the partial recipe is written in (docs/partials.md, "The SQL recipe").</summary>
public enum SqlDialect
{
    /// <summary>DuckDB 1.x: reads the tree with read_parquet, writes each table with COPY … TO 'x.parquet'. Tested by the test suite.</summary>
    DuckDb,
    /// <summary>Spark SQL 3.x (Databricks): reads the tree as a parquet view, writes each table with INSERT OVERWRITE DIRECTORY.</summary>
    Spark,
}
