"""Demo content of the directory: plain data, turned into rows by ``bruecke.directory.seed``."""
