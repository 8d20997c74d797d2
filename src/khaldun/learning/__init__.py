"""The learned second opinion: features of a sentence, the model that reads them, its training."""
