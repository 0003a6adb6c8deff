"""The library's commands: one function per command of the CLI, each in a small module, exported from `slotting`.

Import them from `slotting` (`slotting.explain`, `slotting.report`...): the modules here are where they live, not
names to import. Each result that a command prints as JSON gives that JSON (`to_json()`, `as_dict()`).
"""
