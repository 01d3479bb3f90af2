"""Short articles of our own that a worker runs once through every component before its first task."""

from __future__ import annotations

WARMUP_ARTICLES: tuple[dict[str, str], ...] = (
    {
        "published": "2024-03-12",
        "text": (
            "ZAPORIZHZHIA, Ukraine, March 12 (Reuters) - At least 14 people were killed and about 40 wounded "
            "when a missile hit a market in Zaporizhzhia on Monday, regional governor Ivan Fedorov said.\n\n"
            '"Rescuers are still working at the site," Fedorov told reporters. The army said it had shot '
            "down nine drones overnight. Moscow denied targeting civilians and said it was open to talks "
            "if Kyiv withdrew its troops."
        ),
    },
    {
        "published": "2023-08-02",
        "text": (
            "GENEVA (AP) - More than 2,000 families have fled El Fasher since fighting resumed last week, "
            "according to the UN refugee agency.\n\nAid coordinator Daniel Okafor said food stocks would "
            'last only five days. "We need a corridor now," he said on Tuesday.'
        ),
    },
)
