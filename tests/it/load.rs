//! Loading: formats, encodings, and every kind of bad input with its file, line and message.
