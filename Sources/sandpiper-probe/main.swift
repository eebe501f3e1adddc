print("sandpiper-probe: under construction")
