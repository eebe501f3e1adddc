print("sandpiper-worker: under construction")
