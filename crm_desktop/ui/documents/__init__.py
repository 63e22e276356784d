"""Documents on screen: PDF preview, print, save, batches."""
