print("sandpiper: under construction")
