#!/usr/bin/env bash
# Gives a copy of the sample a realistic git history, so the gate has review evidence and hotspots to judge:
# PR merge commits with feature branches (one with a fixup! commit), squash merges, two direct pushes, a bot,
# a revert inside 30 days. Dates are relative to today, inside the 90-day review window.
# Usage: build/sample-history.sh DIR   (DIR: a folder holding a copy of samples/, not yet a git repository)
set -euo pipefail
dir="$1"
cd "$dir"
git init -q -b main
git config user.name "Dana Developer"
git config user.email "dana@contoso.example"
git config commit.gpgsign false

at() { # at DAYS_AGO COMMAND...: run a git command with author and committer dates DAYS_AGO days back
  local when; when="$(date -u -d "$1 days ago" '+%Y-%m-%dT%H:%M:%S')"
  shift
  GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" "$@"
}

touch_file() { # append a harmless comment so the commit changes a real source file
  printf '// %s\n' "$2" >> "$1"
  git add "$1"
}

at 85 git add -A
at 85 git commit -q -m "Contoso Motor: rating engine, underwriting rules, policies"

people=("Ali Analyst:ali@contoso.example" "Bea Builder:bea@contoso.example" "Chen Coder:chen@contoso.example")
files=(Contoso.Motor/Rating/MotorRatingEngine.cs Contoso.Motor/Underwriting/UnderwritingEngine.cs
       Contoso.Motor/Policies/CancellationCalculator.cs Contoso.Motor/Flawed/LegacyRater.cs
       Contoso.Motor/Rating/RateManualLoader.cs Contoso.Motor/Flawed/LegacyUnderwriting.cs)
pr=100
day=80
for i in $(seq 1 22); do
  person="${people[$((i % 3))]}"
  name="${person%%:*}"; email="${person##*:}"
  file="${files[$((i % ${#files[@]}))]}"
  pr=$((pr + 1))
  if [ $((i % 3)) -eq 0 ]; then
    # squash merge on the forge: one commit on main whose subject ends in (#N)
    touch_file "$file" "change $i"
    at "$day" git -c user.name="$name" -c user.email="$email" commit -q -m "Tune $(basename "$file" .cs) (#$pr)"
  else
    git checkout -q -b "feature/$pr"
    touch_file "$file" "change $i"
    at "$day" git -c user.name="$name" -c user.email="$email" commit -q -m "Improve $(basename "$file" .cs)"
    if [ "$i" -eq 4 ]; then
      touch_file "$file" "review fix $i"
      at "$day" git -c user.name="$name" -c user.email="$email" commit -q -m "fixup! Improve $(basename "$file" .cs)"
    fi
    git checkout -q main
    at "$day" git merge -q --no-ff "feature/$pr" -m "Merge pull request #$pr from contoso/feature/$pr"
    git branch -q -D "feature/$pr"
  fi
  day=$((day - 3))
done

# Two direct pushes (no review evidence), a bot, and a revert of a reviewed landing within 30 days.
touch_file Contoso.Motor/Policies/CancellationCalculator.cs "hotfix"
at 12 git commit -q -m "Hotfix short-rate table"
touch_file Contoso.Motor/Flawed/LegacyRater.cs "quick change"
at 10 git commit -q -m "Quick change to legacy rater"
touch_file Contoso.Motor.Tests/Contoso.Motor.Tests.csproj.txt "bump"
at 9 git -c user.name="dependabot[bot]" -c user.email="49699333+dependabot[bot]@users.noreply.github.com" commit -q -m "Bump xunit from 2.9.2 to 2.9.3"
last_pr_merge="$(git log --merges -1 --format=%H)"
at 5 git revert --no-edit -m 1 "$last_pr_merge" >/dev/null
echo "sample history: $(git rev-list --count HEAD) commits"
