"""What the soak (soak_bench.py) saw, as lines and verdicts: answers and errors, latency of
cached and uncached pages, ingest runs, alerts lost or repeated, RSS over time, CPU, and the
tracebacks the processes logged. Also written to summary.json and rss.csv."""

from __future__ import annotations

import json
import resource
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soak_load import percentile

if TYPE_CHECKING:
    from soak_bench import Outcome, Watch

CACHED_P99_TARGET_MS = 50.0
RSS_SLACK_MB = 10.0  # growth a process may show between the two halves (allocator noise)
WARM_UP_SECONDS = 30.0  # imports, first pages rendered, the cache filled


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    p50, p95, p99 = (percentile(values, share) for share in (0.5, 0.95, 0.99))
    top = max(values)
    return f"n {len(values):6,}  p50 {p50:7.1f}  p95 {p95:7.1f}  p99 {p99:7.1f}  max {top:7.1f} ms"


def _listed(counts: Counter[str] | dict[str, int]) -> str:
    return ", ".join(f"{what} {n:,}" for what, n in sorted(counts.items())) or "none"


def alerts(outcome: Outcome) -> tuple[list[str], int, int, int]:
    """Lines on the webhook and stream deliveries; the alerts lost, repeated and still due
    after the drain. The outbox's rows against what the receiver accepted (2xx) and the streams
    received, keyed by (reader, idempotency key). Stream alerts count for the readers that held
    a stream (with fewer streams than readers, nobody reads the others')."""
    owner = {reader.user_id: reader.number for reader in outcome.readers}
    lines: list[str] = []
    lost = repeated = left = 0
    holders = outcome.streams.holders
    for kind in ("webhook", "stream") if holders else ("webhook",):
        rows = [(event, user, status) for event, user, k, status in outcome.outbox if k == kind]
        if kind == "stream":
            rows = [row for row in rows if owner.get(row[1]) in holders]
        if kind == "webhook":
            got = {
                (int(path.rsplit("/", 1)[1]), key): n
                for path, keys in outcome.receiver["accepted"].items()
                for key, n in keys.items()
            }
        else:
            got = dict(outcome.streams.seen)
        made = {(owner.get(user, -1), f"msg_{event}_{user}"): s for event, user, s in rows}
        missing = [key for key, s in made.items() if s == "delivered" and key not in got]
        missing += [key for key, s in made.items() if s in ("dead", "dropped")]
        twice = {key: n for key, n in got.items() if n > 1}
        strays = [key for key in got if key not in made]
        due = [key for key, s in made.items() if s in ("pending", "sending")]
        lost += len(missing)
        repeated += len(twice)
        left += len(due)
        lines.append(
            f"  {kind:8} outbox {len(rows):,} ({_listed(Counter(s for _, _, s in rows))}); "
            f"received {len(got):,}; lost {len(missing)}; repeated {len(twice)}; still due "
            f"{len(due)}; "
            f"received but not in the outbox {len(strays)}"
        )
        lines += [f"    lost e.g. reader {r} {key} ({made[r, key]})" for r, key in missing[:3]]
        lines += [
            f"    repeated e.g. reader {r} {key} x{n}" for (r, key), n in list(twice.items())[:3]
        ]
    counts = outcome.receiver["counts"]
    lines.append(f"  receiver {_listed(counts)}")
    return lines, lost, repeated, left


def bounded(series: list[tuple[float, float]]) -> tuple[bool, str]:
    """Whether RSS stopped growing: after the warm-up (the first WARM_UP_SECONDS, or quarter of
    the run if longer: a process starting on a busy machine takes its time), the second half's
    floor and peak against the first half's. The floor is what a leak raises; the peak is what
    concurrent work (an argon2 hash, a big page) briefly adds."""
    warm_up = max(WARM_UP_SECONDS, series[-1][0] / 4) if series else 0.0
    kept = [mb for t, mb in series if t >= warm_up]
    if len(kept) < 8:
        return True, "too few samples after the warm-up to tell"
    first, second = kept[: len(kept) // 2], kept[len(kept) // 2 :]
    floor, peak = min(second) - min(first), max(second) - max(first)
    ok = max(floor, peak) <= max(RSS_SLACK_MB, 0.1 * max(first))
    return ok, f"second half on the first: floor {floor:+.0f} MB, peak {peak:+.0f} MB"


def rss_lines(watch: Watch) -> tuple[list[str], bool]:
    lines, all_ok = [], True
    for name in sorted({n for _, n, _ in watch.samples if not n.startswith("ingest")}):
        series = watch.series(name)
        if not series:
            continue
        step = max(1, len(series) // 12)
        shown = " ".join(f"{mb:.0f}" for _, mb in series[::step])
        ok, how = bounded(series)
        all_ok = all_ok and ok
        peak = max(mb for _, mb in series)
        verdict = "bounded" if ok else "KEPT GROWING"
        lines.append(f"  {name:9} MB over time: {shown}; peak {peak:.0f}; {verdict} ({how})")
    for name, peaks in sorted(watch.ingest_peaks.items()):
        peaks = [peak for peak in peaks if peak]
        if peaks:
            shown = " ".join(f"{peak:.0f}" for peak in peaks[:24])
            more = " ..." if len(peaks) > 24 else ""
            lines.append(f"  {name:9} peak MB per run: {shown}{more}; highest {max(peaks):.0f}")
    return lines, all_ok


def log_trouble(folder: Path, name: str) -> list[str]:
    """The tracebacks a process wrote to its log, by their last line (the exception)."""
    found: Counter[str] = Counter()
    for log in sorted(folder.glob(f"{name}*.log")):
        lines = log.read_text(errors="replace").splitlines()
        for number, line in enumerate(lines):
            if line.startswith("Traceback"):
                ends = (i for i in range(number + 1, len(lines)) if not lines[i].startswith(" "))
                last = next(ends, len(lines) - 1)
                found[f"{log.name}: {lines[last][:160]}"] += 1
    return [f"  traceback x{n}: {what}" for what, n in found.most_common(8)]


def report(outcome: Outcome, settings: dict[str, Any], folder: Path) -> bool:
    """Prints the figures and the verdicts; True when every target is met."""
    tally = outcome.tally
    print(
        f"  load ran {outcome.seconds:.0f} s, drained in {outcome.drained_in:.0f} s; load "
        f"average {outcome.load_average[0]:.1f} before, {outcome.load_average[1]:.1f} after"
    )
    errors = sum(tally.server_errors.values())
    print(f"  answers  {sum(tally.statuses.values()):,} ({_listed(Counter(tally.statuses))})")
    print(
        f"  server errors (5xx) {errors}; transport failures {sum(tally.failures.values())}; "
        f"rate-limited (429) {sum(tally.limited.values())}; other unexpected "
        f"{sum(tally.unexpected.values())}; sign-in ticks skipped {tally.skipped_sign_ins}"
    )
    for counts in (tally.server_errors, tally.failures, tally.unexpected, tally.limited):
        lines = [f"    {n:5} x {what}" for what, n in counts.items()]
        print("\n".join(lines), end="\n" if lines else "")
    for body in tally.error_bodies:
        print(f"    e.g. {body}")
    by_class: dict[str, list[float]] = {"cached": [], "uncached": []}
    for (group, _), values in tally.timings.items():
        by_class.setdefault(group, []).extend(values)
    cached = by_class["cached"]
    print(f"  cached   {spread(cached)}")
    print(f"  uncached {spread(by_class['uncached'])}")
    for (group, kind), values in sorted(tally.timings.items(), key=lambda i: (i[0][1], i[0][0])):
        print(f"    {kind:15} {group:8} {spread(values)}")
    for during, values in sorted(outcome.cached_by_ingest.items()):
        print(f"    cached while {during:17} {spread(values)}")
    runs = outcome.ingests.runs
    failed = [run for run in runs if run["exit"]]
    seconds = [float(run["seconds"]) for run in runs]
    new = sum(int(run["new"]) for run in runs if str(run["new"]).isdigit())
    slowest = max(seconds or [0.0])
    print(
        f"  ingests  {len(runs)} runs of {settings['batch']} reports, {new:,} new; failed "
        f"{len(failed)}; s per run p50 {percentile(seconds, 0.5):.1f}, max {slowest:.1f}"
    )
    for run in failed[:5]:
        said = " | ".join(run["tail"])[:200]
        print(
            f"    slot {run['slot']} run {run['run']} ({run['publisher']}), exit "
            f"{run['exit']}: {said}"
        )
    lines, lost, repeated, left = alerts(outcome)
    print("\n".join(lines))
    streams = outcome.streams
    print(
        f"  streams  {settings['streams']} held, {streams.opened} connections opened; ended "
        f"early: {_listed(streams.ended)}"
    )
    crashes = outcome.watch.crashes
    print(f"  workers  {settings['workers']}; crashes {len(crashes)}: {'; '.join(crashes) or '-'}")
    rss, rss_ok = rss_lines(outcome.watch)
    print("\n".join(rss))
    own = resource.getrusage(resource.RUSAGE_SELF)
    cpu = outcome.watch.cpu
    workers = sum(v for k, v in cpu.items() if k.startswith("worker"))
    print(
        f"  CPU s    server {cpu['server']:.0f}, workers {workers:.0f}, ingests "
        f"{cpu['ingests']:.0f}, load generator {own.ru_utime + own.ru_stime:.0f} "
        f"(in {outcome.seconds + outcome.drained_in:.0f} s)"
    )
    for name in ("server", "worker", "ingest"):
        for line in log_trouble(folder, name):
            print(line)
    cached_p99 = percentile(cached, 0.99)
    excused = " (a worker crashed: repeats allowed)" if crashes else ""
    verdicts = {
        "no server error (5xx)": errors == 0,
        "no alert lost": lost == 0,
        "every alert delivered by the end of the drain": left == 0,
        f"no alert repeated{excused}": repeated == 0 or bool(crashes),
        f"cached p99 {cached_p99:.1f} ms <= {CACHED_P99_TARGET_MS:.0f} ms": bool(cached)
        and cached_p99 <= CACHED_P99_TARGET_MS,
        "RSS bounded (server, workers)": rss_ok,
    }
    for what, ok in verdicts.items():
        print(f"  {'ok  ' if ok else 'MISS'} {what}")
    _save(outcome, settings, folder, by_class, lost, repeated, verdicts)
    return all(verdicts.values())


def _save(
    outcome: Outcome,
    settings: dict[str, Any],
    folder: Path,
    by_class: dict[str, list[float]],
    lost: int,
    repeated: int,
    verdicts: dict[str, bool],
) -> None:
    tally = outcome.tally
    summary = {
        "settings": settings,
        "load_average": outcome.load_average,
        "statuses": dict(tally.statuses),
        "server_errors": dict(tally.server_errors),
        "failures": dict(tally.failures),
        "rate_limited": dict(tally.limited),
        "latency_ms": {
            group: {f"p{round(s * 100)}": percentile(values, s) for s in (0.5, 0.95, 0.99)}
            for group, values in by_class.items()
        },
        "lost": lost,
        "repeated": repeated,
        "crashes": outcome.watch.crashes,
        "ingest_runs": outcome.ingests.runs,
        "verdicts": verdicts,
    }
    (folder / "summary.json").write_text(json.dumps(summary, indent=1, default=str))
    with (folder / "rss.csv").open("w") as out:
        out.write("seconds,process,rss_mb\n")
        out.writelines(f"{t:.1f},{name},{mb:.1f}\n" for t, name, mb in outcome.watch.samples)
