"""The demo dataset: a deterministic, realistic hierarchy, its cadres and a year of field log (`build.build_demo`)."""
