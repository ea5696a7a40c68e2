"""What readers see, prepared as plain values and small HTML fragments (cards, charts, page views, the reader's controls)."""
