"""The Pipeline section of Settings: how many days a project may stay in each stage before
it counts as stalled, and each stage's probability (the funnel's weights).

Both are the team's, kept in the database (``PipelineSettingsService``): the home screen's
stalled list and the Dashboard read them. Each row shows the stage's default.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from crm_desktop.domain.models import Stage
from crm_desktop.domain.services.pipeline_settings import (
    DEFAULT_STAGE_LIMITS,
    DEFAULT_STAGE_PROBABILITIES,
    MAX_LIMIT_DAYS,
    NO_LIMIT,
    PipelineSettings,
    PipelineSettingsService,
)
from crm_desktop.ui.common.labels import stage_name


class PipelineSettingsBox(QGroupBox):
    """One row per stage: the limit in days (or none) and the probability in percent."""

    def __init__(
        self, service: PipelineSettingsService, stages: list[Stage], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Pipeline"))
        self.setObjectName("pipeline_settings")
        self.service = service
        self.stages = stages
        current = service.get()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Stage")), 0, 0)
        grid.addWidget(QLabel(self.tr("Stalled after")), 0, 1)
        grid.addWidget(QLabel(self.tr("Probability")), 0, 2)
        grid.addWidget(QLabel(self.tr("Default")), 0, 3)
        self.limits: dict[str, QSpinBox] = {}
        self.probabilities: dict[str, QSpinBox] = {}
        for row, stage in enumerate(stages, start=1):
            limit = QSpinBox()
            limit.setObjectName(f"limit_{stage.code}")
            limit.setRange(NO_LIMIT, MAX_LIMIT_DAYS)
            # 0 is shown as "no limit": the spin box's lowest value, one step below 1 day
            limit.setSpecialValueText(self.tr("no limit"))
            limit.setSuffix(self.tr(" days"))
            limit.setValue(current.limits.get(stage.code, NO_LIMIT))
            prob = QSpinBox()
            prob.setObjectName(f"probability_{stage.code}")
            prob.setRange(0, 100)
            prob.setSuffix(" %")
            prob.setValue(current.probabilities.get(stage.code, 0))
            default = QLabel(self._default_text(stage.code))
            default.setObjectName(f"default_{stage.code}")
            name = QLabel(stage_name(stage))
            name.setBuddy(limit)
            grid.addWidget(name, row, 0)
            grid.addWidget(limit, row, 1)
            grid.addWidget(prob, row, 2)
            grid.addWidget(default, row, 3)
            self.limits[stage.code] = limit
            self.probabilities[stage.code] = prob
        reset = QPushButton(self.tr("Restore the defaults"))
        reset.setObjectName("pipeline_defaults")
        reset.clicked.connect(self.restore_defaults)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(reset)
        note = QLabel(
            self.tr(
                "A project is stalled when it has been longer than this in its stage; the "
                "Dashboard weighs capex and jobs by the probability. Shared by everyone using "
                "this database."
            )
        )
        note.setWordWrap(True)
        grid.addLayout(buttons, len(stages) + 1, 0, 1, 4)
        grid.addWidget(note, len(stages) + 2, 0, 1, 4)
        self.setLayout(grid)
        self._loaded = self.choice()

    def _default_text(self, code: str) -> str:
        limit = DEFAULT_STAGE_LIMITS.get(code)
        days = self.tr("%1 days").replace("%1", str(limit)) if limit else self.tr("no limit")
        return f"{days}, {DEFAULT_STAGE_PROBABILITIES.get(code, 0)} %"

    def restore_defaults(self) -> None:
        for code, spin in self.limits.items():
            spin.setValue(DEFAULT_STAGE_LIMITS.get(code, NO_LIMIT))
        for code, spin in self.probabilities.items():
            spin.setValue(DEFAULT_STAGE_PROBABILITIES.get(code, 0))

    def choice(self) -> PipelineSettings:
        return PipelineSettings(
            {c: s.value() for c, s in self.limits.items()},
            {c: s.value() for c, s in self.probabilities.items()},
        )

    def first_problem(self) -> str:
        """A sentence for the user when a spin box holds text it cannot accept (cleared,
        or out of range while still being typed); '' when every value is fine."""
        for stage in self.stages:
            if not self.limits[stage.code].hasAcceptableInput():
                self.limits[stage.code].setFocus()
                return (
                    self.tr("The limit for %1 must be from 1 to %2 days, or no limit.")
                    .replace("%1", stage_name(stage))
                    .replace("%2", str(MAX_LIMIT_DAYS))
                )
            if not self.probabilities[stage.code].hasAcceptableInput():
                self.probabilities[stage.code].setFocus()
                return self.tr("The probability for %1 must be from 0 to 100 %.").replace(
                    "%1", stage_name(stage)
                )
        return ""

    def save(self) -> None:
        """Writes what changed (one transaction); raises CrmError with a message for the
        user when the values are refused."""
        choice = self.choice()
        if choice != self._loaded:
            self.service.save(choice.limits, choice.probabilities)
            self._loaded = choice
