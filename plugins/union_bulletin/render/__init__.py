"""What readers see, prepared as plain values and small HTML/SVG fragments."""
