"""The coding stages, in order, and the pipeline that runs them over parsed documents."""
