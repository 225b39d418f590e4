"""The async agent toolkit; the public names are in `miosa.agent`."""
