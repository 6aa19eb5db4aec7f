#!/usr/bin/env python3
"""Tables of docs/auto.md "Where the pooled targets fail" from the JSON lines of
scripts/per-photo-cnn.ts (and of scripts/probe-cnn-cheng-fusion.ts with --fusion).

  python3 scripts/per-photo-frontier.py HEAD.jsonl [HEAD2.jsonl ...]
  python3 scripts/per-photo-frontier.py --fusion FUSION.jsonl HEAD.jsonl

Per split (tuning, report, all) and per source (the file-name prefix): PSNR minus the gray
image's and colourfulness of every decoding, photo-weighted means; then the per-photo oracle:
each photo's decoding chosen WITH the truth to maximise PSNR + mu * colourfulness, an upper bound
on any rule that picks a temperature (or a head) per photo.
"""
import json
import sys


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def groups(rows):
    out = [(s, [r for r in rows if s == "all" or (s == "tuning") == r["tuning"]]) for s in ("tuning", "report", "all")]
    for src in sorted({r["name"].split("_")[0] for r in rows}):
        out.append((src, [r for r in rows if r["name"].startswith(src + "_")]))
    return out


def mean(xs):
    return sum(xs) / len(xs)


def main(argv):
    if argv[:1] == ["--fusion"]:
        fusion, gray = load(argv[1]), {r["name"]: r["gray"] for r in load(argv[2])}
        for r in fusion:
            r["gray"] = gray[r["name"]]
        for name, R in groups(fusion):
            keys = [k for k in R[0] if k.startswith("T")]
            g = mean([r["gray"] for r in R])
            res = [(k, mean([r[k][0] for r in R]) - g, mean([r[k][1] for r in R])) for k in keys]
            front = sorted((x for x in res if not any(y[1] >= x[1] and y[2] >= x[2] and y != x for y in res)), key=lambda x: x[2])
            print(f"{name} ({len(R)} photos, gray {g:.3f} dB): Pareto front, PSNR - gray / colourfulness")
            print("  " + "  ".join(f"{k} {p:+.3f}/{c:.1f}" for k, p, c in front if 30 <= c <= 45))
        return
    for path in argv:
        rows = load(path)
        print(path)
        for name, R in groups(rows):
            keys = [k for k in R[0] if k.startswith("T")] + ["tv"]
            g = mean([r["gray"] for r in R])
            cells = "  ".join(f"{k} {mean([r[k][0] for r in R]) - g:+.3f}/{mean([r[k][1] for r in R]):.1f}" for k in keys)
            print(f"  {name:10s} {len(R):3d} photos, gray {g:.3f} dB: {cells}")
        temps = [k for k in rows[0] if k.startswith("T")]
        g = mean([r["gray"] for r in rows])
        for mu in (0.1, 0.15, 0.2, 0.25, 0.3):
            best = [max((r[k] for k in temps), key=lambda x: x[0] + mu * x[1]) for r in rows]
            print(f"  oracle per-photo temperature, mu {mu}: {mean([b[0] for b in best]) - g:+.3f} dB / {mean([b[1] for b in best]):.2f}")
    if len(argv) > 1:
        heads = [{r["name"]: r for r in load(p)} for p in argv]
        names = list(heads[0])
        temps = [k for k in heads[0][names[0]] if k.startswith("T")]
        g = mean([heads[0][n]["gray"] for n in names])
        for mu in (0.2, 0.25, 0.3):
            best = [max((h[n][k] for h in heads for k in temps), key=lambda x: x[0] + mu * x[1]) for n in names]
            print(f"oracle per-photo head and temperature, mu {mu}: {mean([b[0] for b in best]) - g:+.3f} dB / {mean([b[1] for b in best]):.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
