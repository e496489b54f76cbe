"""The paced run's arithmetic, on a clock the test moves: "5 steps/s" means 5 steps per second of that clock."""
import pytest

from bpviz.gui.pacing import Pacer


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def run(pacer: Pacer, clock: FakeClock, seconds: float, tick: float) -> list[int]:
    """Make every due step at each tick, as the worker does; the total made after each tick."""
    totals, total = [], 0
    for _ in range(round(seconds / tick)):
        clock.now += tick
        n = pacer.due()
        pacer.record(n)
        total += n
        totals.append(total)
    return totals


def test_the_first_step_is_due_at_once_then_one_every_period():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.set_rate(4)  # times in binary fractions of a second, so that the clock's sums are exact
    assert pacer.due() == 1
    pacer.record(1)
    assert pacer.due() == 0
    assert pacer.seconds_to_next() == 0.25
    clock.now += 0.125
    assert pacer.due() == 0 and pacer.seconds_to_next() == 0.125
    clock.now += 0.125
    assert pacer.due() == 1


@pytest.mark.parametrize("rate, tick", [(5, 0.01), (60, 1 / 60), (2000, 1 / 60), (20_000, 0.004)])
def test_steps_made_track_the_chosen_rate(rate, tick):
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.set_rate(rate)
    first = pacer.due()
    pacer.record(first)
    totals = run(pacer, clock, 3.0, tick)
    # after t seconds, steps 1 .. floor(t * rate) + 1 are due: never ahead, never more than one tick behind
    for i, total in enumerate(totals, start=1):
        t = i * tick
        assert int(t * rate + 1e-9) + 1 - rate * tick - 1 <= first + total <= int(t * rate + 1e-9) + 1


def test_a_run_that_fell_behind_does_not_burst():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.set_rate(5)
    pacer.record(pacer.due())
    clock.now += 10.0  # the machine stalled: 50 steps would be overdue
    assert pacer.due() == 1
    pacer.record(1)
    assert pacer.due() == 0
    assert pacer.seconds_to_next() == pytest.approx(0.2)


def test_a_new_rate_or_a_restart_counts_afresh():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.set_rate(10)
    pacer.record(pacer.due())
    clock.now += 0.05
    pacer.set_rate(2)
    assert pacer.due() == 1  # the first step at the new rate comes at once
    pacer.record(1)
    clock.now += 0.4
    assert pacer.due() == 0
    pacer.restart()
    assert pacer.due() == 1


def test_unpaced_means_every_step_is_due_and_nothing_to_wait_for():
    pacer = Pacer(FakeClock())
    pacer.set_rate(None)
    assert pacer.due() is None
    assert pacer.seconds_to_next() == 0.0


def test_waits_are_capped_so_that_commands_are_still_read():
    clock = FakeClock()
    pacer = Pacer(clock)
    pacer.set_rate(0.1)  # one step every 10 s
    pacer.record(pacer.due())
    assert pacer.seconds_to_next() == 0.5


def test_a_slow_first_draw_does_not_hold_a_view_back():
    from bpviz.gui.display import MAX_BUDGET_WAIT, ThrottledUpdate

    drawn = []
    update = ThrottledUpdate(lambda n: drawn.append(sum(range(n))), min_interval=0.1, budget=0.05)
    update.mark()
    update.run(200_000)  # the first draw builds the view (heatmaps: ~0.3 s): not counted as its usual cost
    assert update.cost == 0.0 and drawn
    update.last_run = 100.0
    update.mark()
    assert not update.due(100.05) and update.due(100.1)
    update.cost = 60.0  # however slow a view's updates get, it still shows the latest now and then
    assert not update.due(100.5) and update.due(100.0 + MAX_BUDGET_WAIT)
    update.run(200_000)
    assert update.cost > 0.0  # from the second draw on, the cost is measured
