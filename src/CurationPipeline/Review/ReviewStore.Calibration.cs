using System.Text.Json;
using CurationPipeline.Calibration;

namespace CurationPipeline.Review;

public sealed partial class ReviewStore
{
    /// <summary>Keeps the judge-scored calibration rows of an item, so that its difficulty can be decided once humans settle its disputes.</summary>
    public void RecordCalibrationRows(IReadOnlyList<CalibrationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            using var scope = Begin();
            var tx = scope.Tx;
            foreach (var row in rows.Where(r => r.Score1 is not null && r.Score2 is not null))
            {
                using var cmd = Command("INSERT OR REPLACE INTO calibration_scores(item_id, solver, trial, row) VALUES($i, $s, $t, $r)", tx,
                    ("$i", row.ItemId), ("$s", row.Solver), ("$t", row.Trial), ("$r", JsonSerializer.Serialize(row, Json)));
                cmd.ExecuteNonQuery();
            }

            scope.Commit();
        }
    }

    /// <summary>The stored judge-scored calibration rows of an item.</summary>
    public IReadOnlyList<CalibrationRow> CalibrationRowsOf(string itemId)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT row FROM calibration_scores WHERE item_id = $i ORDER BY solver, trial", null, ("$i", itemId));
            using var r = cmd.ExecuteReader();
            var rows = new List<CalibrationRow>();
            while (r.Read())
            {
                rows.Add(JsonSerializer.Deserialize<CalibrationRow>(r.GetString(0), Json)!);
            }

            return rows;
        }
    }
}
