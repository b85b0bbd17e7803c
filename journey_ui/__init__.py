"""Streamlit-aware helpers for the pages: the frame, cached calls and shared widgets."""
