"""The field log screen: activities, attendance, recommendations, ratings."""
