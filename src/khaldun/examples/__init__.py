"""Example articles written by the khaldun project (used by the README's first command)."""
