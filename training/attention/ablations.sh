#!/bin/sh
# The paper's Table 1 ablations (section 4.3) at our scale, each with the same budget (STEPS
# batches of 8, seed 1, same pairs), JOBS (default 2) runs at a time, one thread each, niced. Networks go to
# $WORK/ablations/<name>.onnx, logs to training/attention/ablations/<name>.jsonl; then
#   node --import tsx scripts/eval-attention.ts --only attention --json \
#     --model $WORK/ablations/full.onnx --label full ...
# scores them on ../shared/data/exemplar (docs/attention.md, "Ablations").
#
#   [JOBS=1] sh training/attention/ablations.sh WORK STEPS [name ...]
set -e
WORK=${1:?work folder}
STEPS=${2:?steps}
shift 2
NAMES=${*:-"full standard single no-adv no-pix no-hist no-pos before"}
mkdir -p "$WORK/ablations" training/attention/ablations
flags() {
  case $1 in
    full) echo "" ;;
    standard) echo "--attention standard" ;;
    single) echo "--repeats 1" ;;
    no-adv) echo "--lambda-gan 0" ;;
    no-pix) echo "--lambda-pixel 0" ;;
    no-hist) echo "--lambda-hist 0" ;;
    no-tv) echo "--lambda-tv 0" ;;
    no-pos) echo "--no-pos" ;;
    before) echo "--decoder concat --tv l1" ;; # the network as it was before issue 15
    *) echo "unknown ablation $1" >&2; exit 2 ;;
  esac
}
run() {
  name=$1
  # shellcheck disable=SC2046
  nice -n 10 /usr/bin/python3 training/attention/train.py --work "$WORK" --threads 1 --epochs 1000 \
    --max-steps "$STEPS" --tag="-$name" $(flags "$name") \
    --out "$WORK/ablations/$name.onnx" --log "training/attention/ablations/$name.jsonl" \
    --curve "$WORK/ablations/$name.png" > "$WORK/ablations/$name.out" 2>&1
  tail -n 3 "$WORK/ablations/$name.out"
}
set -- $NAMES
while [ $# -gt 0 ]; do
  a=$1
  shift
  if [ $# -gt 0 ] && [ "${JOBS:-2}" -gt 1 ]; then
    b=$1
    shift
    run "$a" &
    run "$b"
    wait
  else
    run "$a"
  fi
done
