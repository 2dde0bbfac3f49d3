#!/usr/bin/env python3
"""Generates a big result JSON (schemaVersion 1) and a trend history for build/bench/report.sh.

Usage: gen_report_result.py OUT_DIR [FILES] [COMMITS]
Writes OUT_DIR/result.json, OUT_DIR/history.jsonl and OUT_DIR/reference.html (a plain table of the same rows).
Deterministic (fixed seed) so runs compare.
"""
import html
import json
import random
import sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
commits = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
rnd = random.Random(42)
now = datetime(2026, 11, 2, 8, 15, tzinfo=timezone.utc)
authors = [f"Developer {i:03d}" for i in range(120)]
areas = ["Pricing", "Underwriting", "Claims", "Policies", "Billing", "Api", "Shared", "Reporting"]

hotspots = []
for i in range(files):
    area = areas[i % len(areas)]
    methods = []
    for m in range(rnd.randint(3, 25)):
        cc = rnd.randint(1, 30)
        rate = round(rnd.random(), 3)
        methods.append({"name": f"Type{i}.Method{m}(int, string)", "line": 10 + m * 30, "endLine": 35 + m * 30,
                        "complexity": cc, "lineRate": rate, "crap": round(cc * cc * (1 - rate) ** 3 + cc, 2)})
    complexity = sum(m["complexity"] for m in methods)
    rate = round(rnd.random(), 3) if i % 9 else None
    revisions = rnd.randint(5, 400)
    hotspots.append({
        "path": f"src/{area}/Module{i // 50:03d}/File{i:05d}.cs", "revisions": revisions, "churn": revisions * rnd.randint(5, 60),
        "complexity": complexity, "lineRate": rate, "score": round(rnd.random(), 4), "critical": area in ("Pricing", "Underwriting"),
        "crap": max(m["crap"] for m in methods), "mainAuthors": rnd.sample(authors, 2),
        "why": f"Changed in {revisions} commits in 12 months; complexity {complexity}.", "methods": methods,
    })

landings = commits // 40  # first-parent landings in a 90-day window of a busy repository
unreviewed = [{"sha": f"{rnd.getrandbits(160):040x}", "subject": f"Direct push number {k} with a reasonably long subject line",
               "author": rnd.choice(authors), "date": (now - timedelta(minutes=rnd.randint(0, 90 * 24 * 60))).isoformat()}
              for k in range(landings // 8)]
months = [{"month": f"2026-{m:02d}", "landings": landings // 4, "humanLandings": landings // 4 - 10,
           "reviewed": landings // 4 - 10 - landings // 32, "reviewCoverage": 0.87, "passRate": 0.97, "firstPassRate": 0.7}
          for m in range(8, 12)]
result = {
    "schemaVersion": 1, "generatedAt": now.isoformat(), "repository": {"head": f"{rnd.getrandbits(160):040x}", "branch": "main"},
    "passed": False,
    "conditions": [{"id": f"coverage.line", "status": "failed", "actual": 0.71, "threshold": 0.8, "baseline": 0.72, "message": "Line coverage is 71.0 %."}],
    "coverage": {"lineRate": 0.71, "branchRate": 0.6, "newCode": {"coverableLines": 900, "coveredLines": 700, "lineRate": 0.7778}, "files": files,
                 "htmlReport": "coverage-html/index.html"},
    "reviews": {"windowDays": 90, "landings": landings, "humanLandings": landings - 40, "bots": 40, "reviewed": landings - 40 - len(unreviewed),
                "reviewCoverage": 0.87, "reverted": 12, "passRate": 0.97, "firstPassRate": 0.7,
                "evidence": {"prMerge": landings // 2, "squashMarker": landings // 4}, "monthly": months, "unreviewed": unreviewed},
    "hotspots": hotspots, "history": {"commits": commits, "shallow": False},
}
with open(f"{out}/result.json", "w") as f:
    json.dump(result, f)
with open(f"{out}/history.jsonl", "w") as f:
    for d in range(400):
        f.write(json.dumps({"date": (now - timedelta(days=400 - d)).isoformat(), "commit": f"{d:040x}", "passed": d % 7 != 0,
                            "lineRate": 0.6 + d / 4000, "branchRate": 0.5 + d / 4000, "reviewCoverage": 0.8 + d / 8000,
                            "passRate": 0.95, "firstPassRate": 0.65, "hotspots": 4000 + d}) + "\n")
# Reference: the same hotspot rows as a plain table, no charts, no script beyond the timing one the bench adds.
with open(f"{out}/reference.html", "w") as f:
    f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>reference</title></head><body><table>")
    for h in hotspots:
        f.write("<tr>" + "".join(f"<td>{html.escape(str(h[k]))}</td>" for k in
                                  ("path", "revisions", "churn", "complexity", "lineRate", "crap", "score", "critical", "mainAuthors", "why")) + "</tr>")
    f.write("</table></body></html>\n")
