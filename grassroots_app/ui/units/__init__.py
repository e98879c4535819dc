"""The units and cadres screen: hierarchy tree, unit and cadre panels, their dialogs."""
