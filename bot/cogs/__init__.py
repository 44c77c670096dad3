"""The Discord cogs: briefing questions, admin commands, and the one error handler.

Each module has an async `setup(bot)`, so the bot loads them as extensions in `setup_hook`.
"""
