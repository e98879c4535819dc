"""The calendar and plans screen: meetings, meeting-free days, base-day plans."""
