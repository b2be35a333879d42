"""Named services of the learning area: every write goes through one of these."""

from .points import do_adjust_points, do_award_points, do_save_points_rule  # noqa: F401
