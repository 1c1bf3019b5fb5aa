#!/usr/bin/env python3
"""A real SMTP server for the mail tests: listens on 127.0.0.1:PORT and writes each message to DIR as NNNN.eml.
Usage: smtp-sink.py PORT DIR   (runs until killed; prints "ready" once listening)."""
import asyncio, os, sys, itertools
from aiosmtpd.controller import Controller

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
counter = itertools.count(len(os.listdir(folder)) + 1)

class Sink:
    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(folder, f"{next(counter):04d}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(path + ".tmp", path)  # readers never see half a message
        return "250 OK"

controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
try:
    asyncio.get_event_loop().run_forever()
finally:
    controller.stop()
