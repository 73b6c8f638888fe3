from a11ycheck.cli import main

main()
