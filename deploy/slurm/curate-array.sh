#!/usr/bin/env bash
# A sharded `curate run` as a Slurm job array, and `curate merge` as a job that depends on it.
#
#   bash deploy/slurm/curate-array.sh            # from a login node: submits the array, then the merge
#
# Settings (environment): CURATE (the command, default `curate`), CURATE_PIPELINE (a pipeline file or a bundled
# name, default mlb), CURATE_OUT (output folder on a file system every node sees, default ./curated/mlb),
# CURATE_SHARDS (array tasks, default 4), CURATE_ENDPOINTS (an endpoints file; unset: the offline engines).
# Endpoint keys come from the environment the job is submitted with (sbatch exports it), never from this file.
set -euo pipefail

CURATE=${CURATE:-curate}
PIPELINE=${CURATE_PIPELINE:-mlb}
OUT=${CURATE_OUT:-$PWD/curated/mlb}
SHARDS=${CURATE_SHARDS:-4}
ENDPOINTS=()
if [[ -n "${CURATE_ENDPOINTS:-}" ]]; then
  ENDPOINTS=(--endpoints "$CURATE_ENDPOINTS")
fi

case "${1:-submit}" in
  submit)
    mkdir -p "$OUT"
    array=$(sbatch --parsable --job-name=curate-shards --array="0-$((SHARDS - 1))" --cpus-per-task=2 --mem=2G \
      --output="$OUT/slurm-%A_%a.log" --export=ALL "$0" shard)
    merge=$(sbatch --parsable --job-name=curate-merge --dependency="afterok:${array%%;*}" --cpus-per-task=2 --mem=4G \
      --output="$OUT/slurm-merge-%j.log" --export=ALL "$0" merge)
    echo "submitted shards ${array%%;*} (array 0-$((SHARDS - 1))) and merge $merge; output in $OUT"
    ;;
  shard)
    # Slurm sets SLURM_ARRAY_TASK_ID (the shard) and SLURM_ARRAY_TASK_COUNT (checked against --shards).
    "$CURATE" run "$PIPELINE" --shards "$SHARDS" --out "$OUT" "${ENDPOINTS[@]}"
    ;;
  merge)
    "$CURATE" merge --out "$OUT" --shards "$SHARDS"
    ;;
  *)
    echo "usage: $0 [submit|shard|merge]" >&2
    exit 2
    ;;
esac
