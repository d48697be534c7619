"""Pantau's Scrapy project: spiders for regional news and Bawaslu announcements."""
