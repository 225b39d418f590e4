"""The agent toolkit (tools, providers, the loop); the public names are in `miosa.agent`."""
