"""Dialogs that make and change clusters of communes: new, rename, communes joining or leaving, close."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cluster
from grassroots_app.domain.text import fold
from grassroots_app.services import clusters
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import EditDialog, date_edit, from_qdate


class NewClusterDialog(EditDialog):
    """Create a cluster under a province (two-level) or a district (three-level)."""

    def __init__(self, context: AppContext, parent_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("New cluster"), parent)
        self.parent_id = parent_id
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Cụm số 1"))
        self.valid_from = date_edit(date.today())
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("From"), self.valid_from)
        self.name.setFocus()

    def submit(self) -> None:
        """Create the cluster."""
        self.run_edit(tr("New cluster {name}").format(name=self.name.text().strip()), clusters.add_cluster,
                      self.name.text(), self.parent_id, from_qdate(self.valid_from.date()))


class RenameClusterDialog(EditDialog):
    """Give a cluster another name."""

    def __init__(self, context: AppContext, cluster: Cluster, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Rename {name}").format(name=cluster.name), parent)
        self.cluster = cluster
        self.name = QLineEdit(cluster.name)
        self.form.addRow(tr("New name"), self.name)
        self.name.selectAll()
        self.name.setFocus()

    def submit(self) -> None:
        """Rename the cluster."""
        self.run_edit(tr("Rename the cluster {name}").format(name=self.cluster.name), clusters.rename_cluster,
                      self.cluster.id, self.name.text())


class ClusterCommunesDialog(EditDialog):
    """Tick communes to join a cluster from a day, or to leave it from a day."""

    def __init__(self, context: AppContext, cluster: Cluster, joining: bool, parent: QWidget | None = None) -> None:
        title = tr("Add communes to {name}") if joining else tr("Remove communes from {name}")
        super().__init__(context, title.format(name=cluster.name), parent)
        self.cluster, self.joining = cluster, joining
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type part of the commune's name (accents optional)"))
        self.filter.setClearButtonEnabled(True)
        self.communes = QListWidget()
        self.on = date_edit(context.as_of)
        self.form.addRow(tr("Find"), self.filter)
        self.form.addRow(tr("Communes"), self.communes)
        self.form.addRow(tr("In the cluster from") if joining else tr("Out of the cluster from"), self.on)
        self.filter.textChanged.connect(self._hide_others)
        self.filter.installEventFilter(self)
        self.on.dateChanged.connect(lambda _day: self.refill())
        self.refill()
        self.filter.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Let Down in the search box go into the list, on the first commune shown (Space ticks it there)."""
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            shown = [self.communes.item(row) for row in range(self.communes.count())
                     if not self.communes.item(row).isHidden()]
            if shown:
                self.communes.setCurrentItem(shown[0])
                self.communes.setFocus()
                return True
        return super().eventFilter(watched, event)

    def refill(self) -> None:
        """List the communes that may join (those not in the cluster) or leave (its members) on the chosen day."""
        ticked = set(self.chosen())
        self.communes.clear()
        for choice in self.context.read(clusters.commune_choices, self.cluster.id, from_qdate(self.on.date())):
            member = choice.cluster_id == self.cluster.id
            if member == self.joining:
                continue
            text = choice.name
            if self.joining and choice.cluster_name is not None:
                text = tr("{commune} (now in {cluster})").format(commune=choice.name, cluster=choice.cluster_name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.id in ticked else Qt.CheckState.Unchecked)
            self.communes.addItem(item)
        self._hide_others(self.filter.text())

    def _hide_others(self, text: str) -> None:
        wanted = fold(text)
        for row in range(self.communes.count()):
            item = self.communes.item(row)
            item.setHidden(wanted not in fold(item.text()))

    def chosen(self) -> list[str]:
        """Return the ids of the ticked communes."""
        items = (self.communes.item(row) for row in range(self.communes.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def submit(self) -> None:
        """Put the ticked communes in the cluster, or take them out, from the chosen day."""
        chosen = self.chosen()
        if not chosen:
            self.error.setText(tr("Tick at least one commune."))
            self.error.show()
            return
        name = self.cluster.name
        label = tr("Add communes to {name}") if self.joining else tr("Remove communes from {name}")
        added, removed = (chosen, []) if self.joining else ([], chosen)
        self.run_edit(label.format(name=name), clusters.change_members, self.cluster.id, added, removed,
                      from_qdate(self.on.date()))


class CloseClusterDialog(EditDialog):
    """Close a cluster from a day, after a confirmation: its communes leave it and its assignments end."""

    def __init__(self, context: AppContext, cluster: Cluster, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Close {name}").format(name=cluster.name), parent)
        self.cluster = cluster
        self.on = date_edit(context.as_of)
        warning = QLabel(tr("The cluster stays in the history; from that day its communes leave it "
                            "and the assignments on it end."))
        warning.setWordWrap(True)
        self.form.addRow(tr("Closed from"), self.on)
        self.form.addRow(warning)
        self.on.setFocus()

    def submit(self) -> None:
        """Close the cluster once the clerk confirms (a closing the rules refuse is shown without asking)."""
        day = from_qdate(self.on.date())
        question = tr("Close the cluster '{name}' from {day}? Its communes leave it and the assignments on it "
                      "end that day.").format(name=self.cluster.name, day=format_date(day))
        self.run_confirmed_edit(tr("Close the cluster {name}").format(name=self.cluster.name), question,
                                clusters.close_cluster, self.cluster.id, day)
