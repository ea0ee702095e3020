"""The private core every stage uses: errors, frame schema, row building, parallel runs."""
