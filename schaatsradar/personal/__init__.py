"""What one reader gets: the personal feed ranked from what they follow."""
