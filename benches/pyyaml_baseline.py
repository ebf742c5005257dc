"""The same jobs as `gezinsplan validate DIR` and `gezinsplan due DIR`, in a short Python
script with PyYAML's C loader, as the benchmark's yardstick.

    pyyaml_baseline.py validate|due DIR [TODAY]
"""

import datetime
import os
import sys

import yaml

KEYS = {"version", "family", "request", "strengths", "started", "coordinator", "coordination",
        "network", "goals", "agreements", "meetings", "next_evaluation", "evaluations"}


def plans(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "target")
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    yield path, yaml.load(f, Loader=yaml.CSafeLoader)


def validate(root):
    problems = 0
    for path, plan in plans(root):
        if not isinstance(plan, dict) or plan.get("version") != 1:
            problems += 1
            continue
        problems += len(set(plan) - KEYS)
        people = {m["id"] for m in plan["family"]["members"]} | {p["id"] for p in plan.get("network", [])}
        goals = {g["id"] for g in plan.get("goals", [])}
        problems += plan["coordinator"] not in people
        for a in plan.get("agreements", []):
            problems += a["goal"] not in goals or a["who"] not in people or a["end"] < a["start"]
    print(problems, "problems")


def due(root, today):
    last = today + datetime.timedelta(days=14)
    items = []
    for path, plan in plans(root):
        name, coordinator = plan["family"]["name"], plan["coordinator"]
        goals = {g["id"]: g for g in plan.get("goals", [])}
        if plan.get("next_evaluation") and plan["next_evaluation"] <= last:
            items.append((plan["next_evaluation"], path, "plan_evaluation", name, coordinator))
        for g in goals.values():
            if g.get("status", "open") in ("open", "later") and g.get("evaluate_by") and g["evaluate_by"] <= last:
                items.append((g["evaluate_by"], path, "goal_evaluation", name, coordinator))
        for a in plan.get("agreements", []):
            if a.get("status", "open") == "open" and a["end"] <= last:
                items.append((a["end"], path, "agreement_end", name, coordinator))
    items.sort()
    print(len(items), "items")


if sys.argv[1] == "validate":
    validate(sys.argv[2])
else:
    due(sys.argv[2], datetime.date.fromisoformat(sys.argv[3] if len(sys.argv) > 3 else "2026-11-22"))
