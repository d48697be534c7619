"""A stacked bar chart as inline SVG, drawn on the server: no script and no request needed
to see it. Each bar carries a <title> (its period and counts); the page's table holds the
same numbers for screen readers and copying."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# Okabe-Ito: told apart with the common colour-vision deficiencies
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
WIDTH, HEIGHT = 800, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 36
MAX_LABELS = 10


@dataclass
class Series:
    key: str | None
    label: str
    color: str
    values: list[int]


def _ticks(top: int) -> list[int]:
    """Steps of 1, 2 or 5 times a power of ten from 0 to at least ``top``, at most five."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if top <= 4 * step:
                return list(range(0, step * -(-top // step) + 1, step))
        power *= 10


def _bars(periods: list[str], series: list[Series], scale, slot: float) -> list[str]:
    out = []
    for i, period in enumerate(periods):
        x, base = LEFT + i * slot + slot * 0.1, 0
        tip = escape(period + ": " + ", ".join(f"{s.label} {s.values[i]}" for s in series if s.values[i]))
        out.append(f"<g><title>{tip}</title>")
        for s in series:
            n = s.values[i]
            if n:
                y0, y1 = scale(base), scale(base + n)
                out.append(f'<rect x="{x:.1f}" y="{y1:.1f}" width="{slot * 0.8:.1f}" '
                           f'height="{y0 - y1:.1f}" fill="{s.color}"/>')
                base += n
        out.append("</g>")
    return out


def stacked_bars(periods: list[str], series: list[Series], title: str, desc: str) -> Markup:
    totals = [sum(s.values[i] for s in series) for i in range(len(periods))]
    ticks = _ticks(max(totals, default=0) or 1)
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(periods), 1)

    def scale(value: float) -> float:
        return TOP + plot_h * (1 - value / ticks[-1])

    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>']
    for tick in ticks:
        y = scale(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    parts += _bars(periods, series, scale, slot)
    every = max(1, -(-len(periods) // MAX_LABELS))
    for i in range(0, len(periods), every):
        x = LEFT + (i + 0.5) * slot
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 14}" text-anchor="middle">{escape(periods[i])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
